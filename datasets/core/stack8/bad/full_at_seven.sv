module TopModule(input clk, input reset, input push, input pop, input [7:0] din,
                 output [7:0] top, output empty, output full);
  reg [7:0] mem [0:7];
  reg [2:0] sp;                       // 3-bit pointer: can only count to 7

  always @(posedge clk) begin
    if (reset) begin
      sp <= 3'd0;
    end else if (push && !pop && !full) begin
      mem[sp] <= din;
      sp <= sp + 3'd1;
    end else if (pop && !push && !empty) begin
      sp <= sp - 3'd1;
    end
  end

  assign empty = (sp == 3'd0);
  assign full  = (sp == 3'd7);
  wire [2:0] top_idx = sp - 3'd1;
  assign top   = empty ? 8'h00 : mem[top_idx];
endmodule
