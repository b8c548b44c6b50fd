-- Label filters (labels @> '{"k":"v"}') are estimated from the sampled whole label objects: with the default
-- statistics target a value that happens to land in the histogram looks a hundred times more common than it is, and
-- the planner walks every entry of a busy path instead of the GIN index. A larger target keeps the most common label
-- objects in the statistics and the estimate close to the truth (ANALYZE reads up to 300 × target rows).
ALTER TABLE assets ALTER COLUMN labels SET STATISTICS 1000;
