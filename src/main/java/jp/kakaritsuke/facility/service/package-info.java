@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.facility.service;

import org.jspecify.annotations.NullMarked;
