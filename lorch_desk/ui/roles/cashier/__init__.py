"""The cashier tab (收银): checkout, deposits and top-ups, receipts, the day's sales, refunds."""
