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
    <name>DashboardTabWidget</name>
    <message numerus="yes">
        <source>%n survey(s) in the period.</source>
        <translation>
            <numerusform>%n survey in the period.</numerusform>
            <numerusform>%n surveys in the period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GreetingComposerWidget</name>
    <message numerus="yes">
        <source>%n message(s) to queue.</source>
        <translation>
            <numerusform>%n message to queue.</numerusform>
            <numerusform>%n messages to queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a mobile.</source>
        <translation>
            <numerusform>%n without a mobile.</numerusform>
            <numerusform>%n without a mobile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already greeted.</source>
        <translation>
            <numerusform>%n already greeted.</numerusform>
            <numerusform>%n already greeted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: no consent to marketing messages.</source>
        <translation>
            <numerusform>%n left out: no consent to marketing messages.</numerusform>
            <numerusform>%n left out: no consent to marketing messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queue %n message(s) to the outbox?</source>
        <translation>
            <numerusform>Queue %n message to the outbox?</numerusform>
            <numerusform>Queue %n messages to the outbox?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued to the outbox.</source>
        <translation>
            <numerusform>%n message queued to the outbox.</numerusform>
            <numerusform>%n messages queued to the outbox.</numerusform>
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
    <name>ReceiveShipmentBox</name>
    <message numerus="yes">
        <source>%n line(s) differ from the shipment. Shortages are written off as a loss and damaged goods go to scrap. Receive now?</source>
        <translation>
            <numerusform>%n line differs from the shipment. Shortages are written off as a loss and damaged goods go to scrap. Receive now?</numerusform>
            <numerusform>%n lines differ from the shipment. Shortages are written off as a loss and damaged goods go to scrap. Receive now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %1: %n line(s) with a discrepancy.</source>
        <translation>
            <numerusform>Received %1: %n line with a discrepancy.</numerusform>
            <numerusform>Received %1: %n lines with a discrepancy.</numerusform>
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
    <name>SuggestionPage</name>
    <message numerus="yes">
        <source>%n product(s) to buy.</source>
        <translation>
            <numerusform>%n product to buy.</numerusform>
            <numerusform>%n products to buy.</numerusform>
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
