package com.aftersales.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port the test holds for its whole run, relaying each connection to a server whose port may
 * change: a database can be stopped and started again on any free port while the application keeps
 * its URL, and no other program can take the port in between. While {@link #cut() cut}, every
 * connection is dropped and new ones are closed at once, as a stopped server's would be.
 */
public final class TcpRelay implements AutoCloseable {

  private final ServerSocket listening;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile int target = -1;

  public TcpRelay() throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "tcp-relay-" + listening.getLocalPort());
    accept.setDaemon(true);
    accept.start();
  }

  /** The port the application connects to. */
  public int port() {
    return listening.getLocalPort();
  }

  /** Relays new connections to {@code port} on this machine. */
  public void to(int port) {
    target = port;
  }

  /** Drops every open connection and refuses new ones until {@link #to(int)} is called again. */
  public void cut() {
    target = -1;
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  private void accept() {
    while (!listening.isClosed()) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException closed) {
        return;
      }
      int to = target;
      if (to < 0) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), to);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException unreachable) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException ended) {
                // one side closed or was cut
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private void closeQuietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listening.close();
  }
}
