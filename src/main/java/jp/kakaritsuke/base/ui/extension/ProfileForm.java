package jp.kakaritsuke.base.ui.extension;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A form for a value another module owns, placed on a page that saves it through that module's service (the
 * facility's basic data in the questionnaire). Made by a {@link ProfileFormExtension}.
 *
 * @param <P> the owner's value type
 */
public interface ProfileForm<P> {

    /** The form itself, to place on the page. */
    Component component();

    /** Fills the form (null: empty), without calling the {@link #onChange} listeners. */
    void setProfile(@Nullable P profile);

    /** The form's content as a value (not yet validated). */
    P getProfile();

    /** After a save: keeps the user's input, takes the saved value's identity and version for the next save. */
    void saved(P saved);

    /** Shows the value's problems on the fields; true when there are none. */
    boolean validateAndShow();

    /** Marks the fields for the owner service's error keys. */
    void show(List<String> errorKeys);

    /** Called after every change the user makes. */
    void onChange(Consumer<P> listener);

    void setReadOnly(boolean readOnly);
}
