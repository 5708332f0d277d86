#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Serambi::Sim {

struct MultipartPart
{
    QByteArray name;     // from Content-Disposition
    QByteArray filename; // empty when the part is not a file
    QByteArray contentType;
    QByteArray data;
};

// Splits a multipart/form-data body. Returns nothing when the Content-Type carries no boundary
// or the body is not well formed.
std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body);

} // namespace Serambi::Sim
