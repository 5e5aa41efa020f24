package org.lettermerge.followup;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.lettermerge.campaign.MailboxSettings;
import org.lettermerge.smtp.Credentials;
import org.lettermerge.smtp.Security;
import org.lettermerge.smtp.ServerUnavailableException.Reason;
import org.lettermerge.smtp.ServerUnavailableException;
import org.lettermerge.smtp.TrustStore;

/**
 * One IMAP session on the organizers' mailbox. It never deletes or expunges anything itself: without move_to the
 * folder is opened read-only (EXAMINE, so not even the \Seen flag changes); with it, processed messages are moved.
 */
final class ImapMailbox implements AutoCloseable {

    private final MailboxSettings settings;
    private final Store store;
    private final Folder folder;

    private ImapMailbox(MailboxSettings settings, Store store, Folder folder) {
        this.settings = settings;
        this.store = store;
        this.folder = folder;
    }

    static ImapMailbox open(MailboxSettings settings, Credentials credentials) {
        String protocol = settings.security() == Security.TLS ? "imaps" : "imap";
        Store store = null;
        try {
            Properties props = properties(settings, protocol);
            if (credentials instanceof Credentials.OAuth2) {
                // As for SMTP: XOAUTH2 by name only, so a server without it is never sent the token as a password.
                props.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            }
            store = credentials instanceof Credentials.OAuth2
                    ? Session.getInstance(props).getStore(protocol.equals("imaps") ? TokenOnlyImapStore.IMAPS
                            : TokenOnlyImapStore.IMAP)
                    : Session.getInstance(props).getStore(protocol);
            if (credentials instanceof Credentials.OAuth2 oauth) {
                store = ImapOAuthLogin.connect(store, settings, oauth.tokens());
            } else {
                char[] password = credentials instanceof Credentials.Password p ? p.value() : null;
                store.connect(settings.host(), settings.port(), settings.username(),
                        password == null ? null : new String(password));
            }
            Folder folder = store.getFolder(settings.folder());
            if (!folder.exists()) {
                throw new ServerUnavailableException(Reason.OTHER, "the mailbox at " + where(settings)
                        + " has no folder '" + settings.folder() + "': check mailbox.folder", null);
            }
            folder.open(settings.moveTo() == null ? Folder.READ_ONLY : Folder.READ_WRITE);
            return new ImapMailbox(settings, store, folder);
        } catch (AuthenticationFailedException e) {
            close(store);
            throw new ServerUnavailableException(Reason.AUTHENTICATION_REJECTED, "the mailbox at " + where(settings)
                    + " refused the login of " + settings.username() + ": check mailbox.username and the password", e);
        } catch (MessagingException e) {
            close(store);
            throw new ServerUnavailableException(Reason.OTHER, "cannot read the mailbox at " + where(settings) + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(store);
            throw e;
        }
    }

    static Properties properties(MailboxSettings settings, String protocol) {
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        // Angus waits forever by default.
        props.setProperty(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(settings.readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        // Reading a body must not mark it read: unmatched mail stays unread for the person who looks at it.
        props.setProperty(p + "peek", "true");
        if (settings.trustStore() != null && settings.security() != Security.NONE) {
            // Instead of the JVM's trust, for IMAPS and STARTTLS alike. Angus's "fallback" (on by default) would
            // answer a refused certificate by connecting again with the JVM's default trust.
            props.put(p + "ssl.socketFactory", TrustStore.socketFactory(settings.trustStore()));
            props.setProperty(p + "socketFactory.fallback", "false");
        }
        if (settings.security() == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            // Without "required", a server (or an attacker) that hides STARTTLS gets the password in clear.
            props.setProperty(p + "starttls.required", "true");
        }
        return props;
    }

    /** The folder's UIDVALIDITY (RFC 3501 2.3.1.1): while it stays the same, a UID always means the same message. */
    long uidValidity() throws MessagingException {
        return ((UIDFolder) folder).getUIDValidity();
    }

    /**
     * The messages with a UID above {@code lastUid} (all of them for 0), oldest first, their UIDs, envelopes,
     * structures and headers fetched in one batched FETCH rather than a round trip per message and field.
     */
    List<Message> messagesAfter(long lastUid) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        // "UID FETCH n:*" always returns the newest message, even when its UID is below n (RFC 3501 6.4.8).
        Message[] messages = lastUid == 0 ? folder.getMessages()
                : uids.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        folder.fetch(messages, profile);
        List<Message> fresh = new ArrayList<>();
        for (Message m : messages) {
            if (m != null && uids.getUID(m) > lastUid) {
                fresh.add(m);
            }
        }
        return fresh;
    }

    long uid(Message message) throws MessagingException {
        return ((UIDFolder) folder).getUID(message);
    }

    /** Names the folder in the log: one reading position per account, server and folder. */
    String key() {
        return "imap://" + settings.username() + "@" + where(settings) + "/" + settings.folder();
    }

    /**
     * Moves the messages to move_to (created when missing) with IMAP MOVE (RFC 6851). A server without MOVE gets an
     * error, not copy-and-expunge: an expunge would also remove whatever else the user had marked deleted.
     */
    void moveProcessed(List<Message> processed) throws MessagingException {
        if (settings.moveTo() == null || processed.isEmpty()) {
            return;
        }
        Folder target = store.getFolder(settings.moveTo());
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + settings.moveTo());
        }
        ((IMAPFolder) folder).moveMessages(processed.toArray(Message[]::new), target);
    }

    String description() {
        return settings.folder() + " at " + where(settings);
    }

    static String where(MailboxSettings settings) {
        return settings.host() + ":" + settings.port();
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                // false: never expunge on close.
                folder.close(false);
            }
        } catch (MessagingException e) {
            // The session is ending anyway; what was recorded is committed.
        }
        close(store);
    }

    private static void close(Store store) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // Nothing to keep from a closing connection.
        }
    }
}
