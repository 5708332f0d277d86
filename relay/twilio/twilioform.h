#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Serambi::Relay {

// The name=value pairs of an application/x-www-form-urlencoded body, decoded, in order.
using FormParams = QList<QPair<QString, QString>>;

// Decodes body ('+' is a space, %XX a byte, UTF-8 text) into *params. False with *error when
// a pair has no name.
bool parseForm(const QByteArray &body, FormParams *params, QString *error);
// Encodes params as a form body, in their order.
QByteArray encodeForm(const FormParams &params);
// The value of the first pair called name, or an empty string.
QString formValue(const FormParams &params, const QString &name);
bool hasFormValue(const FormParams &params, const QString &name);

} // namespace Serambi::Relay
