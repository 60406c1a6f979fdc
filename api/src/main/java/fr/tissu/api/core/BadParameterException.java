package fr.tissu.api.core;

/** A request parameter is unknown or has a value that cannot be used; answered with a 400 naming it. */
public class BadParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** {@code parameter} is wrong, because of {@code message}. */
    public BadParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The parameter at fault. */
    public String parameter() {
        return parameter;
    }
}
