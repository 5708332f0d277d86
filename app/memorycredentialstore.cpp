#include "memorycredentialstore.h"

#include <QPointer>
#include <QTimer>

namespace Serambi::App {

MemoryCredentialStore::MemoryCredentialStore(QObject *parent) : CredentialStore(parent) {}

void MemoryCredentialStore::read(const QString &key, QObject *context, ReadCallback done)
{
    std::optional<QString> secret;
    if (m_secrets.contains(key))
        secret = m_secrets.value(key);
    QTimer::singleShot(0, context, [done = std::move(done), secret] { done(secret); });
}

void MemoryCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                  WriteCallback done)
{
    m_secrets.insert(key, secret);
    QTimer::singleShot(0, context, [done = std::move(done)] { done(true); });
}

void MemoryCredentialStore::remove(const QString &key)
{
    m_secrets.remove(key);
}

} // namespace Serambi::App
