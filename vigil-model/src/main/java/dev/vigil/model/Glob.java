package dev.vigil.model;

import java.util.regex.Pattern;

/**
 * The one glob syntax of rule and resource patterns people write: {@code *} any run of characters
 * (slashes and colons included, as in ARNs), {@code ?} one character, everything else literal. Used
 * by exception scopes and inline {@code vigil:ignore} marks alike, so a pattern means the same in both.
 */
public final class Glob {
    private Glob() {
    }

    /** True when {@code glob} matches the whole of {@code text}; a {@code null} text matches nothing. */
    public static boolean matches(String glob, String text) {
        if (text == null) return false;
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) return glob.equals(text);
        StringBuilder re = new StringBuilder();
        int literal = -1;
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' || ch == '?') {
                if (literal >= 0) {
                    re.append(Pattern.quote(glob.substring(literal, i)));
                    literal = -1;
                }
                re.append(ch == '*' ? ".*" : ".");
            } else if (literal < 0) {
                literal = i;
            }
        }
        if (literal >= 0) re.append(Pattern.quote(glob.substring(literal)));
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
