/** The action plan service, used by its views and API and by the board report. */
@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.actionplan.service;

import org.jspecify.annotations.NullMarked;
