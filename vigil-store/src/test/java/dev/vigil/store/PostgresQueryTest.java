package dev.vigil.store;

/** The query views and read-only queries on a real PostgreSQL server. */
class PostgresQueryTest extends QueryContractTest {
    @Override
    StoreFixture fixture() {
        return new PostgresFixture();
    }
}
