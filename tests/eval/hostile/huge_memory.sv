module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  reg [63:0] mem [0:(1<<30)-1];
  always @(posedge clk) begin
    mem[in] <= {8{in}};
    out <= ~mem[in][7:0];
  end
endmodule
