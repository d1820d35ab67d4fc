package dev.vigil.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of a finding: the same (provider, account, region, rule, resource) gives the
 * same id in every scan, on every machine, whatever the input format. This is what history keys on.
 */
public final class FindingId {
    private FindingId() {
    }

    public static String of(String provider, String account, String region, String ruleId, String resourceId) {
        String key = String.join("\u001f", provider, account, region, ruleId, resourceId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "vf-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
