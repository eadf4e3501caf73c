/**
 * Login, account, API token, password reset and account administration pages. Internal to the module.
 */
@NullMarked
package jp.kakaritsuke.identity.ui;

import org.jspecify.annotations.NullMarked;
