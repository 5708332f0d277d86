#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Serambi::App {

// Where the session token lives between runs: the system keychain, or (tests, machines
// without a keychain service) memory. Answers arrive asynchronously on the caller's thread;
// a callback is dropped when its context object is gone.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(const std::optional<QString> &secret)>;
    using WriteCallback = std::function<void(bool stored)>;

    explicit CredentialStore(QObject *parent = nullptr) : QObject(parent) {}

    // False once the store found it cannot keep secrets beyond this process.
    virtual bool isAvailable() const = 0;
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       WriteCallback done) = 0;
    virtual void remove(const QString &key) = 0;

Q_SIGNALS:
    void availabilityChanged(bool available);
};

} // namespace Serambi::App
