package fr.tissu.store;

/** The contract on the in-memory store ({@code tissu.store.kind: memory}). */
class MemoryStoreTest extends AbstractStoreContractTest {
    @Override
    Store open() {
        return Store.create(new StoreConfig("memory", null));
    }
}
