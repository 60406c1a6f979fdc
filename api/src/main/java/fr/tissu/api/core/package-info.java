/**
 * What every protocol package is given: the configuration ({@link fr.tissu.api.core.TissuConfig} and its parts),
 * the open {@link fr.tissu.api.core.Instance} (store, search index, read model, identifiers) and the one error a
 * bad parameter raises. Depends on no other package of the service.
 */
package fr.tissu.api.core;
