/** Management port security, Vaadin session metrics, availability log (docs/operations.md). */
@org.jspecify.annotations.NullMarked
package jp.kakaritsuke.operations.config;
