package dev.vigil.aws.iam;

import dev.vigil.model.aws.iam.User;
import dev.vigil.model.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM credential report ({@code aws iam get-credential-report}, base64-decoded): one row per
 * user, and one for the root user as {@code <root_account>}. AWS Config does not record it, so it is
 * a separate input of an offline scan; a live scan asks IAM for it. Both read it through this one
 * parser, so a user's credentials mean the same whatever the input.
 *
 * @param file where the text came from: a file name, or the API call of a live scan
 */
public record CredentialReport(String file, String accountId, Row root, Map<String, Row> usersByName) {

    public static final String HEADER_START = "user,arn,user_creation_time";

    /** One user's row. Dates are as the report writes them (ISO-8601); empty where it says N/A or no_information. */
    public record Row(String user, String arn, String created, boolean passwordEnabled, String passwordLastUsed, boolean mfaActive,
                      Key key1, Key key2) {

        /** Access keys 1 and 2, in the canonical user's form. */
        public List<User.AccessKey> accessKeys() {
            return List.of(new User.AccessKey(key1.active(), key1.lastRotated(), key1.lastUsed()),
                    new User.AccessKey(key2.active(), key2.lastRotated(), key2.lastUsed()));
        }

        public long activeAccessKeys() {
            return (key1.active() ? 1 : 0) + (key2.active() ? 1 : 0);
        }
    }

    public record Key(boolean active, String lastRotated, String lastUsed) {
    }

    /**
     * Parses the CSV text.
     *
     * @throws InputException naming {@code file} and the line when the text is not a credential report
     */
    public static CredentialReport parse(String file, String text) {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].startsWith(HEADER_START)) {
            throw new InputException(file, 1, "not an IAM credential report (the header must start with '" + HEADER_START + "')");
        }
        String[] header = lines[0].split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) col.put(header[i].trim(), i);
        for (String required : List.of("user", "arn", "password_enabled", "mfa_active", "access_key_1_active", "access_key_2_active")) {
            if (!col.containsKey(required)) throw new InputException(file, 1, "credential report has no column '" + required + "'");
        }
        Row root = null;
        String account = null;
        Map<String, Row> users = new LinkedHashMap<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) continue;
            String[] f = lines[n].split(",", -1);
            if (f.length < header.length) {
                throw new InputException(file, n + 1, "row has " + f.length + " fields, the header has " + header.length);
            }
            Row row = new Row(get(f, col, "user"), get(f, col, "arn"), date(get(f, col, "user_creation_time")),
                    "true".equals(get(f, col, "password_enabled")), date(get(f, col, "password_last_used")),
                    "true".equals(get(f, col, "mfa_active")),
                    key(f, col, 1), key(f, col, 2));
            String[] arn = row.arn().split(":");
            if (arn.length < 6) throw new InputException(file, n + 1, "'" + row.arn() + "' is not an IAM ARN");
            if (account == null) account = arn[4];
            if (row.user().equals("<root_account>")) root = row;
            else users.put(row.user(), row);
        }
        if (account == null) throw new InputException(file, 2, "credential report has no rows");
        return new CredentialReport(file, account, root, users);
    }

    private static Key key(String[] f, Map<String, Integer> col, int i) {
        String p = "access_key_" + i + "_";
        return new Key("true".equals(get(f, col, p + "active")), date(get(f, col, p + "last_rotated")), date(get(f, col, p + "last_used_date")));
    }

    private static String get(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= f.length ? "" : f[i].trim();
    }

    /** AWS writes N/A, no_information or not_supported where a date does not apply: all of them mean "never". */
    private static String date(String v) {
        return v.isEmpty() || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported") ? "" : v;
    }

    public List<Row> allRows() {
        List<Row> all = new ArrayList<>(usersByName.values());
        if (root != null) all.add(root);
        return all;
    }
}
