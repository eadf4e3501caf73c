package jp.kakaritsuke.base.ui.extension;

/**
 * Makes the form for a value type another module owns; the owning module implements it for its type, the host asks
 * Spring for {@code ProfileFormExtension<ThatType>}.
 *
 * @param <P> the owner's value type
 */
public interface ProfileFormExtension<P> {

    /** A new, empty form. */
    ProfileForm<P> create();
}
