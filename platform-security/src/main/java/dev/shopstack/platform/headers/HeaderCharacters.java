package dev.shopstack.platform.headers;

import java.util.function.Predicate;

/**
 * The header check of Spring Security's strict firewalls, without their regular expression. The firewalls accept a
 * header name when every code point is assigned and not a control character, and a value when the same holds, a tab
 * allowed; they test it with {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, which asks for each character's Unicode
 * category, on every read of every header. A bearer token is about 800 characters, read more than once per request,
 * and the expression was a large share of what a token cost a service (docs/performance.md, finding 15). These loops
 * accept exactly the same strings (and, as the reactive firewall does, an absent header), with printable ASCII decided
 * without a lookup.
 */
public final class HeaderCharacters {

    /** For {@code setAllowedHeaderNames} of either firewall. */
    public static final Predicate<String> NAMES = name -> assignedAndNotControl(name, false);

    /** For {@code setAllowedHeaderValues} of either firewall. */
    public static final Predicate<String> VALUES = value -> assignedAndNotControl(value, true);

    private HeaderCharacters() {}

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        if (text == null) {
            return true; // an absent header: the reactive firewall asks about those too, and lets them pass
        }
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int category = Character.getType(codePoint);
            if (category == Character.UNASSIGNED
                    || (category == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
