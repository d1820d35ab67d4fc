package dev.vigil.store;

class SqliteStoreTest extends StoreContractTest {
    @Override
    StoreFixture fixture() {
        return new SqliteFixture();
    }
}
