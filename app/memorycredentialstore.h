#pragma once

#include "credentialstore.h"

#include <QHash>

namespace Serambi::App {

// Keeps secrets in this process only: for tests, and the fallback when there is no keychain.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);

    bool isAvailable() const override { return true; }
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key) override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Serambi::App
