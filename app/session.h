#pragma once

#include "connectionstatus.h"
#include "currentuser.h"
#include "localstore.h"
#include "protocol/channelpayload.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Serambi::App {

class CredentialStore;
class RelayClient;

// Who is signed in to which relay, and the one place for what is remembered between runs: the
// last relay address and username (session.json in the data directory), the session token (in
// the keychain) and the cache of that relay and user with its resume seq. Signing in opens the
// cache first, so the console shows its last state at once, then connects.
class Session : public QObject
{
    Q_OBJECT

public:
    // dataDirectory holds session.json and the per relay and user caches.
    Session(RelayClient *relay, CredentialStore *credentials, const QString &dataDirectory,
            QObject *parent = nullptr);
    ~Session() override;

    // Remembers the relay and username, opens their cache and connects with the password.
    void signIn(const QUrl &relayUrl, const QString &username, const QString &password);
    // Signs in again with the last session's token from the keychain, showing the cache
    // first. False when there is no last session (the sign-in form is needed).
    bool restore();
    // Forgets the session token and disconnects; the cache stays on disk.
    void signOut();
    // Closes the cache (cacheClosing() first); the relay connection stays as it is.
    void closeCache();

    // The relay and username the agent last signed in with, for the sign-in form and
    // restore(); remember() sets them without signing in (the console's --relay and --user).
    QUrl lastRelayUrl() const { return m_lastRelayUrl; }
    QString lastUsername() const { return m_lastUsername; }
    void remember(const QUrl &relayUrl, const QString &username);

    bool keychainAvailable() const;
    // The user the relay welcomed (or the cache remembers); empty when signed out.
    CurrentUser currentUser() const { return m_user; }
    // The username of this session: the one signing in until the relay names the user.
    QString username() const { return m_username; }
    QUrl relayUrl() const { return m_relayUrl; }
    // The relay's channels (its WhatsApp numbers) as it last listed them, main first.
    const QList<Protocol::ChannelPayload> &channels() const;
    ConnectionStatus connectionStatus() const;
    // The open cache of this relay and user; null before signing in and after signing out.
    LocalStore *store() const { return m_store.get(); }

Q_SIGNALS:
    void signedIn();
    void signedOut();
    // The stored token is missing or was refused: ask for the password of lastUsername().
    void passwordRequired();
    void signInFailed(const QString &errorCode, int retryAfterSeconds);
    void connectionChanged();
    void currentUserChanged();
    void keychainAvailabilityChanged(bool available);
    // The cache of the session is open with its last state; the relay is asked next.
    void cacheLoaded(const Serambi::App::CachedState &state);
    // The cache is about to close: write what is pending to store() and forget its state.
    void cacheClosing();

private:
    void openCache(const QUrl &relayUrl, const QString &username);
    void connectToRelay();
    void loadLastSession();
    QString tokenKey() const;
    void handleCacheOpened(bool ok, const CachedState &state);
    void handleWelcomed(const CurrentUser &user, const QString &newToken);
    void handleAuthenticationFailed(const QString &errorCode, int retryAfterSeconds,
                                    bool withToken);
    void saveLastSeq(qint64 seq);

    RelayClient *m_relay;
    CredentialStore *m_credentials;
    QString m_dataDirectory;
    std::unique_ptr<LocalStore> m_store;
    QString m_storePath;

    QUrl m_relayUrl;
    QString m_username;
    QUrl m_lastRelayUrl;
    QString m_lastUsername;
    CurrentUser m_user;
    QString m_password;            // only until the cache is open and the hello is sent
    bool m_connectPending = false; // waiting for the cache before connecting
    bool m_signedIn = false;
};

} // namespace Serambi::App
