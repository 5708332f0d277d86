// serambi-iconrender SVG OUTDIR SIZE...: renders the console's SVG icon into OUTDIR/SIZE.png
// for the hicolor icon theme (packaging/CMakeLists.txt runs it at build time).
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: serambi-iconrender SVG OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "serambi-iconrender: %s is not a valid SVG\n", qPrintable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        const int size = args.at(i).toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString path = args.at(2) + QStringLiteral("/%1.png").arg(size);
        if (size <= 0 || !image.save(path)) {
            std::fprintf(stderr, "serambi-iconrender: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
