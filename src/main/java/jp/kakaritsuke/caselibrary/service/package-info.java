/** The case library's service, used by its views and API and by other modules. */
@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.caselibrary.service;

import org.jspecify.annotations.NullMarked;
