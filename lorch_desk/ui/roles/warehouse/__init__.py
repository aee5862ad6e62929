"""The warehouse and pharmacy tab: stock, receipts, counts and destruction."""
