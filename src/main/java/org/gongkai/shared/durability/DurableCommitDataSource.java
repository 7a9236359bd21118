package org.gongkai.shared.durability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes every commit on an embedded H2 database durable before it returns, as PostgreSQL's are:
 * when {@code commit()} (or a write in auto-commit mode) returns, the change has been written and
 * forced to disk, so it survives a killed JVM and a crashed operating system. H2 alone writes its
 * store in the background and forces it rarely; here concurrent commits wait for a shared force
 * ({@link GroupSync}), so the cost is one force per group, not per commit.
 */
final class DurableCommitDataSource extends DelegatingDataSource {

  private static final Set<String> WRITES =
      Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
  private static final Set<String> STATEMENT_FACTORIES =
      Set.of("createStatement", "prepareStatement", "prepareCall");

  private final GroupSync sync;
  private final GroupSync.Force force;

  DurableCommitDataSource(DataSource target, GroupSync sync, GroupSync.Force force) {
    super(target);
    this.sync = sync;
    this.force = force;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(super.getConnection(username, password));
  }

  private Connection wrap(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ConnectionHandler(target));
  }

  private void awaitDurable() throws SQLException {
    try {
      sync.awaitDurable(force);
    } catch (SQLException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while forcing the commit to disk", e);
    } catch (Exception e) {
      throw new SQLException("could not force the commit to disk", e);
    }
  }

  private final class ConnectionHandler implements InvocationHandler {

    private final Connection target;
    private boolean wrote;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "commit":
          {
            call(method, args);
            settle();
            return null;
          }
        case "rollback":
          if (args == null || args.length == 0) {
            wrote = false;
          }
          return call(method, args);
        case "setAutoCommit":
          {
            boolean wasManual = !target.getAutoCommit();
            call(method, args);
            if (wasManual && (Boolean) args[0]) {
              settle();
            }
            return null;
          }
        case "close":
          wrote = false;
          return call(method, args);
        default:
          Object result = call(method, args);
          if (STATEMENT_FACTORIES.contains(name) && result instanceof Statement statement) {
            return wrapStatement(statement, method.getReturnType());
          }
          return result;
      }
    }

    private void settle() throws SQLException {
      if (wrote) {
        wrote = false;
        awaitDurable();
      }
    }

    private Object wrapStatement(Statement statement, Class<?> type) {
      return Proxy.newProxyInstance(
          Connection.class.getClassLoader(),
          new Class<?>[] {type},
          (p, m, a) -> {
            if (m.getName().equals("unwrap")) {
              return ((Class<?>) a[0]).isInstance(p) ? p : statement.unwrap((Class<?>) a[0]);
            }
            Object result = invokeOn(statement, m, a);
            if (WRITES.contains(m.getName())) {
              wrote = true;
              if (target.getAutoCommit()) {
                settle();
              }
            }
            return result;
          });
    }

    private Object call(Method method, Object[] args) throws Throwable {
      return invokeOn(target, method, args);
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
