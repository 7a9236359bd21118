package org.gongkai.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs the test classes that share an application context one after the other (the classes without
 * Spring first), each group in the order of its first class's name.
 *
 * <p>By name alone the classes on H2 and on PostgreSQL alternate, and each switch pauses one cached
 * context and restarts the other: its web server, its job scheduler (which waits for a running job)
 * and its indexer. Grouped, each context is started once, paused once when its classes are done,
 * and never woken again. The key is the one Spring's context cache uses.
 */
public class ByApplicationContext implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    Map<Object, String> firstOfGroup = new HashMap<>();
    Map<Class<?>, Object> keys = new HashMap<>();
    for (ClassDescriptor descriptor : context.getClassDescriptors()) {
      Class<?> type = descriptor.getTestClass();
      Object key = contextKey(type).map(Object.class::cast).orElse(type);
      keys.put(type, key);
      firstOfGroup.merge(key, type.getName(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    context
        .getClassDescriptors()
        .sort(
            Comparator.<ClassDescriptor, Boolean>comparing(d -> usesSpring(d.getTestClass()))
                .thenComparing(d -> firstOfGroup.get(keys.get(d.getTestClass())))
                .thenComparing(d -> d.getTestClass().getName()));
  }

  private static Optional<MergedContextConfiguration> contextKey(Class<?> type) {
    if (!usesSpring(type)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          BootstrapUtils.resolveTestContextBootstrapper(type).buildMergedContextConfiguration());
    } catch (RuntimeException e) {
      // The class's own run reports what is wrong with its configuration.
      return Optional.empty();
    }
  }

  private static boolean usesSpring(Class<?> type) {
    return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
        .anyMatch(a -> List.of(a.getClassArray("value")).contains(SpringExtension.class));
  }
}
