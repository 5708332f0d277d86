#pragma once

#include "protocol/payloads.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// A WhatsApp user (value.contacts[] and messages[].from*), filed by wa_id (phone digits) when
// Meta shares it, else by the business-scoped user id (BSUID, 2026 usernames). Both are kept
// when both appear.
struct Contact
{
    QString waId;
    QString userId;
    QString parentUserId;
    QString profileName;
    QString username;

    QString key() const { return waId.isEmpty() ? userId : waId; }
    Protocol::ContactPayload toPayload() const { return {waId, userId, profileName, username}; }
    QJsonObject toJson() const { return toPayload().toJson(); }
};

} // namespace Serambi::Relay
