module TopModule(input clk, input we, input [3:0] waddr, input [7:0] wdata, input re,
                 input [3:0] raddr, output [7:0] rdata);
  reg [7:0] mem [0:15];
  reg [7:0] hold;

  always @(posedge clk) begin
    if (we) mem[waddr] <= wdata;
    if (re) hold <= mem[raddr];
  end

  assign rdata = re ? mem[raddr] : hold;    // combinational read path
endmodule
