/**
 * The 監査ログ page. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.audit.ui;

import org.jspecify.annotations.NullMarked;
