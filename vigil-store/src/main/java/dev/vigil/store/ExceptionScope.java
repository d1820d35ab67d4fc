package dev.vigil.store;

import dev.vigil.model.Glob;

import dev.vigil.model.Result;
import java.util.Map;

/**
 * What an exception covers. A {@code null} part matches anything; {@code rule} and {@code resource}
 * are globs ({@code *} any run of characters, {@code ?} one character; nothing else is special);
 * {@code resource} is matched against the resource's id (the ARN for AWS) and its name; the tag
 * matches a resource carrying {@code tagKey} with the value {@code tagValue}.
 */
public record ExceptionScope(String account, String region, String rule, String resource, String tagKey, String tagValue) {

    public ExceptionScope {
        account = blankToNull(account);
        region = blankToNull(region);
        rule = blankToNull(rule);
        resource = blankToNull(resource);
        tagKey = blankToNull(tagKey);
        tagValue = tagKey == null ? null : tagValue == null ? "" : tagValue;
        if (rule == null) throw new StoreException("an exception needs a rule (a glob such as aws-s3-*)");
    }

    /** Only a rule glob: every resource, everywhere. */
    public static ExceptionScope rule(String rule) {
        return new ExceptionScope(null, null, rule, null, null, null);
    }

    public ExceptionScope withAccount(String a) {
        return new ExceptionScope(a, region, rule, resource, tagKey, tagValue);
    }

    public ExceptionScope withRegion(String r) {
        return new ExceptionScope(account, r, rule, resource, tagKey, tagValue);
    }

    public ExceptionScope withResource(String glob) {
        return new ExceptionScope(account, region, rule, glob, tagKey, tagValue);
    }

    public ExceptionScope withTag(String key, String value) {
        return new ExceptionScope(account, region, rule, resource, key, value);
    }

    /** Whether a result on a resource with these tags is inside the scope. */
    public boolean matches(Result r, Map<String, String> tags) {
        if (account != null && !account.equals(r.account())) return false;
        if (region != null && !region.equals(r.region())) return false;
        if (!Glob.matches(rule, r.ruleId())) return false;
        if (resource != null && !Glob.matches(resource, r.resourceId()) && !Glob.matches(resource, r.resourceName())) return false;
        return tagKey == null || (tags != null && tagValue.equals(tags.get(tagKey)));
    }

    /** The scope as one line: {@code rule=aws-s3-* account=1111 resource=arn:aws:s3:::logs-* tag=env=dev}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("rule=").append(rule);
        if (account != null) sb.append(" account=").append(account);
        if (region != null) sb.append(" region=").append(region);
        if (resource != null) sb.append(" resource=").append(resource);
        if (tagKey != null) sb.append(" tag=").append(tagKey).append('=').append(tagValue);
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
