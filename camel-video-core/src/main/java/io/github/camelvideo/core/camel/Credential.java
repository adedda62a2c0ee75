package io.github.camelvideo.core.camel;

/**
 * A secret together with where it was found, so the component can say which source it uses without ever showing the
 * value: {@link #toString()} prints the source only.
 *
 * @param value  the secret
 * @param source where it came from, such as "the apiKey option" or "the OPENAI_API_KEY environment variable"
 */
public record Credential(String value, String source) {

    /** A credential given in an option. */
    public static Credential ofOption(String value, String option) {
        return new Credential(value, "the " + option + " option");
    }

    /** A credential read from an environment variable. */
    public static Credential ofEnvironment(String value, String variable) {
        return new Credential(value, "the " + variable + " environment variable");
    }

    /** A credential the component does not hold itself, such as Google's Application Default Credentials. */
    public static Credential external(String source) {
        return new Credential(null, source);
    }

    @Override
    public String toString() {
        return "credential from " + source;
    }
}
