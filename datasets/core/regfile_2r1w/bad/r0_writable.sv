module TopModule(input clk, input reset, input we, input [2:0] waddr, input [15:0] wdata,
                 input [2:0] raddr1, input [2:0] raddr2,
                 output [15:0] rdata1, output [15:0] rdata2);
  reg [15:0] regs [0:7];
  integer i;

  always @(posedge clk) begin
    if (reset) begin
      for (i = 0; i < 8; i = i + 1) regs[i] <= 16'h0000;
    end else if (we) begin
      regs[waddr] <= wdata;       // r0 is written like any other register
    end
  end

  assign rdata1 = regs[raddr1];
  assign rdata2 = regs[raddr2];
endmodule
