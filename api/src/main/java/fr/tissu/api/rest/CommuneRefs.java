package fr.tissu.api.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.tissu.store.read.ReferenceData;

/** How a REST item names the commune it belongs to: its code, its name in the reference data, its URL. */
final class CommuneRefs {
    private CommuneRefs() {
    }

    /** The reference of the commune {@code code}. */
    static Map<String, Object> of(String code) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", ReferenceData.get().commune(code).map(ReferenceData.Commune::name).orElse(null));
        c.put("url", "/api/v1/communes/" + code);
        return c;
    }
}
