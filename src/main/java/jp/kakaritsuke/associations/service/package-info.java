@org.springframework.modulith.NamedInterface("service")
@NullMarked
package jp.kakaritsuke.associations.service;

import org.jspecify.annotations.NullMarked;
