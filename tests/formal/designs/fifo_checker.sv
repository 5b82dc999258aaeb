// A bind-style checker module for the FIFO, as AssertionBench writes them: the design's internal
// signals arrive as ports; named sequences and properties with arguments.
module fifo_checker (
    input wire       clk,
    input wire       rst_n,
    input wire       push,
    input wire       pop,
    input wire       full,
    input wire       empty,
    input wire [2:0] count,
    input wire [1:0] wr_ptr,
    input wire [1:0] rd_ptr
);
  default clocking cb @(posedge clk); endclocking
  default disable iff (!rst_n);

  sequence s_push_only;
    push && !pop && !full;
  endsequence

  property p_grows(s, c);
    s |=> c == $past(c) + 1;
  endproperty

  property p_never_both(a, b);
    @(posedge clk) disable iff (!rst_n) !(a && b);
  endproperty

  grows: assert property (p_grows(s_push_only, count));
  flags: assert property (p_never_both(full, empty));
  assert property (count <= 4) else $error("count out of range");
  ptrs: assert property (count == 0 |-> wr_ptr == rd_ptr);
  stays_full: assert property (full && !pop |=> full);
  wrong_empty: assert property (push |=> !empty ##1 !empty);
  drain: assert property (count == 3'd2 && pop && !push ##1 pop && !push |=> empty);
endmodule
