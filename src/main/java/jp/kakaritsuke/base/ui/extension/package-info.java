/**
 * Extension points: places on one module's page that another module fills, without either depending on the
 * other's {@code ui} package (only {@code domain} and {@code service} are exported, decision 0008). The host page
 * asks Spring for the interface (constructor injection in its route); the module that owns the content implements it
 * as a package-private {@code @Component} in its own {@code ui} package. Base cannot name the features' types, so an
 * extension point is generic where a feature's domain type crosses it, and role codes cross it as their codes.
 * <p>
 * No route reaches an implementation, so Vaadin's production build would leave its components out of the bundle
 * (or load them only with other pages): every component class an implementation hands to a page carries
 * {@code @Route(value = "chunk/<name>", registerAtStartup = false)} — never a page, but a chunk of the production
 * bundle of its own, loaded wherever the component is attached (docs/architecture.md, 「Extension points and the
 * production bundle」; ProductionBundleTest checks it and the committed bundle).
 */
@NullMarked
package jp.kakaritsuke.base.ui.extension;

import org.jspecify.annotations.NullMarked;
