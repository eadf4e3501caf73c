package example.archrules.unmarked;

/** A planted class in a package without package-info (ModularityTest's own test of the @NullMarked rule). */
public class Unmarked {
}
