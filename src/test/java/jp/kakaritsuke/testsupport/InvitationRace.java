package jp.kakaritsuke.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two acceptances of one invitation code, interleaved the worst way and deterministically: the winner accepts inside
 * a transaction it keeps open until the loser has checked the code (still open for it), created its account and
 * reached the conditional UPDATE; only then does the winner commit. The loser's account row is watched with a
 * dirty read, which is the only way to see another transaction's progress without a hook in the code under test.
 */
public final class InvitationRace {

    private final TransactionTemplate transactions;
    private final DataSource dataSource;

    public InvitationRace(PlatformTransactionManager transactionManager, DataSource dataSource) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
    }

    /** Runs {@code winner} in another thread and {@code loser} in this one; returns what the winner's thread threw. */
    public Throwable run(Runnable winner, String loserUsername, Runnable loser) throws Exception {
        CountDownLatch winnerAccepted = new CountDownLatch(1);
        CompletableFuture<Void> winnerThread = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            winner.run(); // joins this transaction: done but not committed
            winnerAccepted.countDown();
            awaitUncommittedUser(loserUsername);
        }));
        if (!winnerAccepted.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the winner did not accept");
        }
        try {
            loser.run();
        } finally {
            try {
                winnerThread.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
        }
        return null;
    }

    private void awaitUncommittedUser(String username) {
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            c.setAutoCommit(true);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) AS accounts FROM app_user WHERE username = ?")) {
                    q.setString(1, username);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getInt("accounts") > 0) {
                            Thread.sleep(200); // let the loser's UPDATE start and wait for our lock
                            return;
                        }
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the loser never created its account");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
