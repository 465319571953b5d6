import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local for the local stack, run as a single-file program (java LoopbackDynamoDbLocal.java).
 * It takes DynamoDB Local's own command line, and differs in two ways:
 * - it listens on 127.0.0.1 only: DynamoDB Local has no option for its bind address and accepts any
 *   credentials, so it must not be reachable from other machines;
 * - it ends when the process named by -Downer.pid ends, however that one was killed, so no JVM is
 *   left holding the port.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    long owner = Long.parseLong(System.getProperty("owner.pid"));
    // Watched before anything else: an owner already gone (killed while the JVM started) ends it at once.
    ProcessHandle.of(owner).ifPresentOrElse(
        process -> process.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
        () -> Runtime.getRuntime().halt(0));

    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    proxy.join();
  }
}
