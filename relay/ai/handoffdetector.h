#pragma once

#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// Reasons a chat moves to the human queue; codes that cross the wire as handoff_reason.
namespace HandoffReason {
inline constexpr char CustomerRequest[] = "customer_request";
inline constexpr char Anger[] = "anger";
inline constexpr char Keyword[] = "keyword";
inline constexpr char LowConfidence[] = "low_confidence";
} // namespace HandoffReason

// Decides from a customer message, and the customer's earlier messages in the chat, whether a
// person should take the chat: an explicit request for a person (formal, informal or English),
// anger, a complaint that escalates across turns, or one of the agents' keywords. Returns the
// reason code, or an empty string.
class HandoffDetector
{
public:
    explicit HandoffDetector(const QStringList &keywords = {});

    // history: the customer's earlier messages in the chat, oldest first.
    QString reasonFor(const QString &text, const QStringList &history = {}) const;

private:
    bool hasKeyword(const QString &folded) const;

    QStringList m_keywords; // folded
};

} // namespace Serambi::Relay
