#pragma once

#include "protocol/teampayloads.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Serambi::App {

class RelayClient;

// A message template of the business as list_templates returns it, with Meta's components.
struct MessageTemplate : Protocol::TemplatePayload
{
    static MessageTemplate fromJson(const QJsonObject &json);

    bool isApproved() const { return status == QLatin1String("APPROVED"); }
    // The text of the component of that type ("HEADER", "BODY", "FOOTER"), empty if none.
    QString componentText(const QString &type) const;
    // The header's format: "TEXT", "IMAGE", "VIDEO", "DOCUMENT", or empty without a header.
    QString headerFormat() const;
    bool needsHeaderMedia() const;
    // The labels of its buttons, in order.
    QStringList buttonLabels() const;
    // Indexes of the URL buttons whose address ends in a placeholder: each needs a text.
    QList<int> parameterButtons() const;
    // The placeholders of a component's text in order of first use, without braces: "1", "2"
    // or names.
    QStringList placeholders(const QString &type) const;
    // text with each {{placeholder}} replaced by its value; unfilled ones stay as they are.
    static QString fill(const QString &text, const QHash<QString, QString> &values);
};

using TemplateList = QList<MessageTemplate>;

// The business's templates: list_templates whenever the console comes online and after every
// templates.updated; sync() asks the relay to fetch them from Meta again (supervisors).
class MessageTemplates : public QObject
{
    Q_OBJECT

public:
    explicit MessageTemplates(RelayClient *relay, QObject *parent = nullptr);

    const TemplateList &all() const { return m_templates; }
    TemplateList approved() const;
    qint64 syncedAt() const { return m_syncedAt; }

    // False (and syncFailed("unreachable")) when offline.
    bool sync();

Q_SIGNALS:
    void changed();
    void syncFailed(const QString &errorCode);

private:
    void refresh();
    void handleList(const QJsonObject &data);

    RelayClient *m_relay;
    TemplateList m_templates;
    qint64 m_syncedAt = 0;
};

} // namespace Serambi::App
