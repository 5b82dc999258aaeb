module TopModule(input clk, input we, input [3:0] waddr, input [7:0] wdata, input re,
                 input [3:0] raddr, output reg [7:0] rdata);
  reg [7:0] mem [0:15];

  always @(posedge clk) begin
    if (we) mem[waddr] <= wdata;
    if (re) rdata <= (we && waddr == raddr) ? wdata : mem[raddr];   // write-first
  end
endmodule
