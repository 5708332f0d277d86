#include "keychaincredentialstore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace Serambi::App {

namespace {
// Errors that mean "this machine has no usable keychain", as opposed to "no such entry".
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError || error == QKeychain::AccessDeniedByUser ||
           error == QKeychain::AccessDenied;
}
} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent), m_service(service)
{}

void KeychainCredentialStore::markUnavailable()
{
    if (!m_available)
        return;
    m_available = false;
    qCWarning(lcConsole) << "no system keychain; the session token is kept for this run only";
    Q_EMIT availabilityChanged(false);
}

void KeychainCredentialStore::read(const QString &key, QObject *context, ReadCallback done)
{
    if (!m_available) {
        m_fallback.read(key, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, guard, done = std::move(done)](QKeychain::Job *finished) {
                std::optional<QString> secret;
                if (finished->error() == QKeychain::NoError)
                    secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                else if (meansNoKeychain(finished->error()))
                    markUnavailable();
                if (!guard)
                    return;
                if (!secret && !m_available) {
                    m_fallback.read(key, guard, done);
                    return;
                }
                done(secret);
            });
    job->start();
}

void KeychainCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                    WriteCallback done)
{
    // The fallback always has the secret, so a keychain failure later loses nothing this run.
    m_fallback.write(key, secret, this, [](bool) {});
    if (!m_available) {
        m_fallback.write(key, secret, context, std::move(done));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, done = std::move(done)](QKeychain::Job *finished) {
                const bool stored = finished->error() == QKeychain::NoError;
                if (!stored)
                    markUnavailable();
                if (guard)
                    done(stored);
            });
    job->start();
}

void KeychainCredentialStore::remove(const QString &key)
{
    m_fallback.remove(key);
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->start();
}

} // namespace Serambi::App
