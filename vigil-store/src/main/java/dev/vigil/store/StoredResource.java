package dev.vigil.store;

/** A resource as a scan stored it: its identity, its canonical JSON and that JSON's SHA-256. */
public record StoredResource(String provider, String type, String id, String name, String account, String region, String canonical,
                             String sha256) {

    /** What identifies the resource across scans: account, region, type and id. */
    public String key() {
        return JdbcStore.Scope.key(account, region, type, id);
    }
}
