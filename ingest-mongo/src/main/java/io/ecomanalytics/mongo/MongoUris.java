package io.ecomanalytics.mongo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the passwords of MongoDB connection strings so that they never reach a log line or an error message.
 */
public final class MongoUris {

    static final String MASK = "****";

    /*
     * The password runs from the colon after the user name to the last '@' of the connection string's
     * whitespace-free run: a password that holds an unescaped '@', '/' or '?' is still masked whole, at the price of
     * masking a host name in the rare URI whose options hold an '@'.
     */
    private static final Pattern CREDENTIALS =
            Pattern.compile("(mongodb(?:\\+srv)?://[^\\s:@/?]*:)[^\\s]*@", Pattern.CASE_INSENSITIVE);

    private MongoUris() {
    }

    /**
     * Replaces the password of every {@code mongodb://} or {@code mongodb+srv://} connection string inside
     * {@code text} with {@value #MASK}; the user name, hosts and options stay readable. Text without credentials
     * is returned unchanged, and {@code null} gives {@code null}.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CREDENTIALS.matcher(text);
        return matcher.find() ? matcher.replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@") : text;
    }
}
