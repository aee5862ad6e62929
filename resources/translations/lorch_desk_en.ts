<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CountPage</name>
    <message numerus="yes">
        <source>Count %1 opened with %n line(s).</source>
        <translation>
            <numerusform>Count %1 opened with %n line.</numerusform>
            <numerusform>Count %1 opened with %n lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) imported.</source>
        <translation>
            <numerusform>%n line imported.</numerusform>
            <numerusform>%n lines imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesBoxWidget</name>
    <message numerus="yes">
        <source>Messages to customers (%n not sent)</source>
        <translation>
            <numerusform>Messages to customers (%n not sent)</numerusform>
            <numerusform>Messages to customers (%n not sent)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message numerus="yes">
        <source>Receipt %1 saved: %n line(s), total %2.</source>
        <translation>
            <numerusform>Receipt %1 saved: %n line, total %2.</numerusform>
            <numerusform>Receipt %1 saved: %n lines, total %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsTabWidget</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message numerus="yes">
        <source>%n batch(es), value %1</source>
        <translation>
            <numerusform>%n batch, value %1</numerusform>
            <numerusform>%n batches, value %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
</context>
</TS>
