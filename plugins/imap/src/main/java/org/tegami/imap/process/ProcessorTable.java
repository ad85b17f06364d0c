package org.tegami.imap.process;

import java.util.HashMap;
import java.util.Map;
import org.tegami.imap.decode.Request;

/**
 * The command table: verb to processor. Immutable and shared by all sessions; {@link #close()}
 * ends the threads IDLE shares.
 */
public final class ProcessorTable implements AutoCloseable {

    private final Map<String, CommandProcessor<? extends Request>> table = new HashMap<>();
    private final IdleWatcher idle = new IdleWatcher();

    public ProcessorTable() {
        table.put("CAPABILITY", new CapabilityProcessor());
        table.put("NOOP", new NoopProcessor());
        table.put("CHECK", new CheckProcessor());
        table.put("LOGOUT", new LogoutProcessor());
        table.put("STARTTLS", new StartTlsProcessor());
        table.put("LOGIN", new LoginProcessor());
        table.put("AUTHENTICATE", new AuthenticateProcessor());
        table.put("SELECT", new SelectProcessor());
        table.put("EXAMINE", new SelectProcessor());
        table.put("CREATE", new CreateProcessor());
        table.put("DELETE", new DeleteProcessor());
        table.put("RENAME", new RenameProcessor());
        table.put("SUBSCRIBE", new SubscribeProcessor());
        table.put("UNSUBSCRIBE", new SubscribeProcessor());
        table.put("LIST", new ListProcessor());
        table.put("LSUB", new LsubProcessor());
        table.put("STATUS", new StatusProcessor());
        table.put("APPEND", new AppendProcessor());
        table.put("CLOSE", new CloseProcessor());
        table.put("UNSELECT", new UnselectProcessor());
        table.put("EXPUNGE", new ExpungeProcessor());
        table.put("SEARCH", new SearchProcessor());
        table.put("SORT", new SortProcessor());
        table.put("THREAD", new ThreadProcessor());
        table.put("FETCH", new FetchProcessor());
        table.put("STORE", new StoreProcessor());
        table.put("COPY", new CopyProcessor());
        table.put("MOVE", new CopyProcessor());
        table.put("IDLE", new IdleProcessor(idle));
        table.put("NAMESPACE", new NamespaceProcessor());
        table.put("ENABLE", new EnableProcessor());
        table.put("COMPRESS", new CompressProcessor());
        table.put("ID", new IdProcessor());
        QuotaProcessor quota = new QuotaProcessor();
        for (String verb : new String[] {"GETQUOTA", "GETQUOTAROOT", "SETQUOTA"}) {
            table.put(verb, quota);
        }
    }

    /** The processor for a verb, or {@code null}. */
    @SuppressWarnings("unchecked")
    public CommandProcessor<Request> find(String verb) {
        return (CommandProcessor<Request>) table.get(verb);
    }

    /** Ends IDLE's update threads; sessions still idling get no more updates. */
    @Override
    public void close() {
        idle.close();
    }
}
