/**
 * Accounts, API tokens and password-reset tokens with their repositories. Internal: other modules use
 * {@code identity.service}.
 */
@NullMarked
package jp.kakaritsuke.identity.domain;

import org.jspecify.annotations.NullMarked;
